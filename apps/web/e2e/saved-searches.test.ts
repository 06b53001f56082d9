import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appInBrowser, call, hasBrowser, newPage, register, runId, unexpectedErrors } from './harness.js';

// Two people, each in a browser of their own: a house hunter saves a search (signing in first),
// a lister lists a home that matches it, and the hunter hears of it at once, without reloading:
// a toast that links to the home and a count in the header. Opening the saved search shows the
// home and clears the count. Then the search is renamed, the limit of 20 is met, and it is deleted.

function onSearch(page: Page, search: string) {
  return page.waitForURL((url) => url.pathname === '/search' && url.search === search);
}

/** The header's link to Saved searches, named with how many new homes match them when there are any. */
function savedSearchesLink(page: Page, newHomes: number) {
  const name = newHomes === 0 ? 'Saved searches' : `Saved searches, ${newHomes} new home${newHomes === 1 ? '' : 's'}`;
  return page.getByRole('banner').getByRole('link', { name, exact: true });
}

describe.runIf(hasBrowser)('saved searches in a browser', () => {
  const env = appInBrowser();

  it('saves a search, hears of a new home live, opens it, renames it, meets the limit and deletes it', async () => {
    const run = runId();
    // A city of this run alone: no demo listing, and no other test's, is there.
    const city = `Brightwater${run}`;
    const hunter = { name: `hunter_${run}`, password: 'a long hunter password' };
    const lister = { name: `lister_${run}`, password: 'a long lister password' };
    const title = `Garden flat ${run}`;
    const searchName = `Rent · ${city}`;
    const a = await newPage(env.browser, env.app.url);
    const b = await newPage(env.browser, env.app.url);
    const toasts = a.page.getByRole('status', { name: 'Notifications' });

    // A visitor's search: saving it sends them to sign in (here: register), and back to it.
    await a.page.goto(`/search?city=${city}&type=rent`);
    await a.page.getByRole('heading', { name: 'No listings match your search' }).waitFor();
    await a.page.getByRole('button', { name: 'Save this search' }).click();
    await a.page.waitForURL((url) => url.pathname === '/login' && url.search === `?next=/search%3Fcity%3D${city}%26type%3Drent`);
    await a.page.getByRole('link', { name: 'Create an account' }).click();
    await register(a.page, hunter.name, hunter.password);
    await onSearch(a.page, `?city=${city}&type=rent`);
    await savedSearchesLink(a.page, 0).waitFor();

    // Named after its filters unless the hunter says otherwise; Enter saves it.
    await a.page.getByRole('button', { name: 'Save this search' }).click();
    const saveDialog = a.page.getByRole('dialog', { name: 'Save this search' });
    const nameField = saveDialog.getByRole('textbox', { name: 'Name', exact: true });
    expect(await nameField.inputValue()).toBe(searchName);
    await nameField.press('Enter');
    await saveDialog.waitFor({ state: 'hidden' });
    const saved = toasts.locator(':scope > div').filter({ hasText: `Saved “${searchName}”.` });
    // Pointed at, a toast stays until dismissed, however slow the machine.
    await saved.hover();
    expect(await saved.getByRole('link', { name: 'See Saved searches' }).getAttribute('href')).toBe('/saved-searches');
    await saved.getByRole('button', { name: 'Dismiss' }).click();
    await saved.waitFor({ state: 'detached' });

    // Someone else lists a home that matches it (through the API, with a demo picture)…
    await b.page.goto('/register');
    await register(b.page, lister.name, lister.password);
    const post = await call<{ id: string }>(b.page, 'post.create', {
      title,
      price: 1800,
      images: ['/images/demo/apartment-1.svg'],
      address: '12 Mill Lane',
      city,
      bedroom: 2,
      bathroom: 1,
      latitude: 44.05,
      longitude: -121.31,
      type: 'rent',
      property: 'apartment',
      detail: { desc: 'A garden of its own.' },
    });

    // …and the hunter, still on the search page, hears of it: a toast that links to it, and the count.
    const alert = toasts.locator(':scope > div').filter({ hasText: `New home for “${searchName}”: ${title}, $1,800/month` });
    await alert.hover();
    expect(await alert.getByRole('link', { name: 'View home' }).getAttribute('href')).toBe(`/posts/${post.id}`);
    await savedSearchesLink(a.page, 1).waitFor();
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await alert.waitFor({ state: 'detached' });

    // Saved searches says which search has the new home; opening it shows the home and clears the count.
    await savedSearchesLink(a.page, 1).click();
    await a.page.waitForURL((url) => url.pathname === '/saved-searches');
    const item = a.page.getByRole('article', { name: searchName });
    await item.getByText('1 new home').waitFor();
    await item.getByRole('link', { name: 'Open' }).click();
    await onSearch(a.page, `?city=${city}&type=rent`);
    await a.page.getByRole('link', { name: title }).waitFor();
    await savedSearchesLink(a.page, 0).waitFor();
    await savedSearchesLink(a.page, 0).click();
    await item.getByRole('button', { name: 'Rename' }).waitFor();
    expect(await item.getByText(/new home/).count()).toBe(0);

    // Renamed: a blank name is refused beside the field, then the new name is kept, the filters shown under it.
    await item.getByRole('button', { name: 'Rename' }).click();
    const renameDialog = a.page.getByRole('dialog', { name: 'Rename this search' });
    const newName = renameDialog.getByRole('textbox', { name: 'Name', exact: true });
    expect(await newName.inputValue()).toBe(searchName);
    await newName.fill('   ');
    await renameDialog.getByRole('button', { name: 'Save name' }).click();
    await renameDialog.getByText('Name the search').waitFor();
    expect(await newName.getAttribute('aria-invalid')).toBe('true');
    await newName.fill('Rentals with a garden');
    await renameDialog.getByRole('button', { name: 'Save name' }).click();
    await renameDialog.waitFor({ state: 'hidden' });
    const renamed = a.page.getByRole('article', { name: 'Rentals with a garden' });
    await renamed.getByText(searchName, { exact: true }).waitFor();

    // Twenty at most: the server's refusal is shown in the dialog, and the name typed stays.
    for (let i = 1; i < 20; i += 1) await call(a.page, 'savedSearch.create', { filters: { city: `${city}-${i}` } });
    await a.page.goto(`/search?city=${city}&type=buy`);
    await a.page.getByRole('button', { name: 'Save this search' }).click();
    await nameField.fill('Homes to buy');
    await saveDialog.getByRole('button', { name: 'Save search' }).click();
    await saveDialog.getByRole('alert').getByText('You can keep up to 20 saved searches. Delete one to save this search.').waitFor();
    expect(await nameField.inputValue()).toBe('Homes to buy');
    await saveDialog.getByRole('button', { name: 'Cancel' }).click();
    await saveDialog.waitFor({ state: 'hidden' });

    // Deleted, after a confirmation.
    await savedSearchesLink(a.page, 0).click();
    await renamed.getByRole('button', { name: 'Delete' }).click();
    const deleteDialog = a.page.getByRole('dialog', { name: 'Delete this saved search?' });
    await deleteDialog.getByRole('button', { name: 'Delete search' }).click();
    await a.page.getByRole('status').getByText('“Rentals with a garden” was deleted.').waitFor();
    await renamed.waitFor({ state: 'detached' });
    expect(await a.page.getByRole('article').count()).toBe(19);

    // Someone with none is told how to make one.
    await b.page.goto('/saved-searches');
    await b.page.getByRole('heading', { name: 'No saved searches yet' }).waitFor();
    expect(await b.page.getByRole('link', { name: 'Search homes' }).getAttribute('href')).toBe('/search');

    // No console error but the refusal of the 21st search.
    expect(unexpectedErrors(a.errors, 400)).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
