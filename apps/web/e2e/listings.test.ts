import { describe, expect, it } from 'vitest';
import { appInBrowser, chooseThreePhotos, fillListingForm, hasBrowser, newPage, onPath, runId, unexpectedErrors } from './harness.js';

// A lister's and a saver's side, as a new user goes through it: register, list a home with
// three photos, find it on its page and in My listings, change its price, save someone
// else's home and find it in Saved homes, delete the home.

describe.runIf(hasBrowser)('listings in a browser', () => {
  const env = appInBrowser();

  it('lists a home with photos, edits it, saves another home and deletes the listing', async () => {
    const started = performance.now();
    const { page, errors } = await newPage(env.browser, env.app.url);
    const header = page.getByRole('banner');
    const run = runId();
    const title = `Garden flat ${run}`;

    await page.goto('/register');
    const register = page.getByRole('form', { name: 'Create your account' });
    await register.getByLabel('Email').fill(`lister-${run}@example.com`);
    await register.getByLabel('Username').fill(`lister_${run}`);
    await register.getByLabel('Password').fill('a long lister password');
    await register.getByRole('button', { name: 'Create account' }).click();
    await header.getByRole('link', { name: `lister_${run}`, exact: true }).waitFor();

    await header.getByRole('link', { name: 'List a home' }).click();
    await onPath(page, (pathname) => pathname === '/listings/new');
    const form = page.getByRole('form', { name: 'List a home' });
    await fillListingForm(form, title, 'Denver');
    // A click on the map sets the coordinates (it starts on the whole country)…
    const map = form.getByRole('region', { name: "Map of the listing's location" });
    await map.click({ position: { x: 120, y: 100 } });
    await expect.poll(() => form.getByLabel('Latitude').inputValue()).toMatch(/^\d+\.\d+$/);
    expect(Number(await form.getByLabel('Longitude').inputValue())).toBeLessThan(-90);
    // …and typing them moves the pin to the exact address.
    await form.getByLabel('Latitude').fill('39.7392');
    await form.getByLabel('Longitude').fill('-104.9903');
    // Markup in the description is kept out: it shows as text, and nothing runs.
    await form
      .getByLabel('Description')
      .fill('Bright rooms over a quiet garden.<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>\nBikes welcome.');
    await chooseThreePhotos(form);
    const photos = form.getByRole('list', { name: 'Photo order' }).getByRole('listitem');
    await expect.poll(() => photos.count()).toBe(3);
    // Each upload finishes: no progress bar is left.
    await expect.poll(() => form.locator('progress').count(), { timeout: 30_000 }).toBe(0);
    const publishing = performance.now();
    await form.getByRole('button', { name: 'Publish listing' }).click();
    await onPath(page, (pathname) => /^\/posts\/[0-9a-f-]{36}$/.test(pathname));
    const postPath = new URL(page.url()).pathname;
    console.log(`publishing took ${(performance.now() - publishing).toFixed(0)} ms`);

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('$1,850/month').first().waitFor();
    await page.getByText('Bright rooms over a quiet garden.').waitFor();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
    // The three uploaded photos are served (as WebP) and decoded.
    const gallery = page.locator('main img[src^="/uploads/"]');
    await expect.poll(() => gallery.count()).toBeGreaterThanOrEqual(3);
    for (const img of await gallery.all()) {
      await expect.poll(() => img.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0)).toBe(true);
    }

    await header.getByRole('link', { name: 'My listings' }).click();
    await page.getByRole('heading', { name: 'My listings' }).waitFor();
    const mine = page.getByRole('article').filter({ hasText: title });
    await mine.waitFor();

    // Change the price.
    await mine.getByRole('link', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Edit listing' });
    await edit.getByLabel('Price per month').fill('1725');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await onPath(page, (pathname) => pathname === postPath);
    await page.getByText('$1,725/month').first().waitFor();

    // Save someone else's home (a demo listing), and find it among the saved homes.
    await page.goto('/search');
    const other = page.getByRole('article').filter({ hasNotText: title }).first();
    const otherTitle = ((await other.getByRole('heading').textContent()) ?? '').trim();
    await other.getByRole('button', { name: 'Save' }).click();
    await other.getByRole('button', { name: 'Saved' }).waitFor();
    expect(await other.getByRole('button', { name: 'Saved' }).getAttribute('aria-pressed')).toBe('true');
    await header.getByRole('link', { name: 'Saved', exact: true }).click();
    await page.getByRole('heading', { name: 'Saved homes' }).waitFor();
    await page.getByRole('article').filter({ hasText: otherTitle }).waitFor();

    // Delete the listing, with a confirmation.
    await page.goto(postPath);
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this listing?' });
    await dialog.getByRole('button', { name: 'Delete listing' }).click();
    await onPath(page, (pathname) => pathname === '/my/listings');
    await page.getByRole('heading', { name: 'My listings' }).waitFor();
    await page.getByRole('link', { name: 'List a home' }).first().waitFor();
    expect(await page.getByRole('article').filter({ hasText: title }).count()).toBe(0);
    await page.goto(postPath);
    await page.getByRole('heading', { name: 'Listing not found' }).waitFor();

    console.log(`the listing journey took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // No console error but the 404 of the deleted listing.
    expect(unexpectedErrors(errors, 404)).toEqual([]);
  });
});
