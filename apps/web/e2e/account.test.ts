import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appInBrowser, hasBrowser, newPage, runId, unexpectedErrors } from './harness.js';

const WRONG_CREDENTIALS = 'Wrong email, username or password.';

function onPath(page: Page, pathname: string, search = '') {
  return page.waitForURL((url) => url.pathname === pathname && url.search === search);
}

async function signIn(page: Page, identifier: string, password: string) {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email or username').fill(identifier);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

describe.runIf(hasBrowser)('accounts in a browser', () => {
  const env = appInBrowser();

  it('registers, edits the profile, signs out and in, changes the password and deletes the account', async () => {
    const { page, errors } = await newPage(env.browser, env.app.url);
    const header = page.getByRole('banner');
    const run = runId();
    const first = { email: `first-${run}@example.com`, username: `first_${run}` };
    const renamed = { email: `renamed-${run}@example.com`, username: `renamed_${run}` };
    const password = 'a long first password';
    const newPassword = 'an even longer new password';

    // Signed out, the settings page sends to sign in, keeping the way back.
    await page.goto('/account');
    await onPath(page, '/login', '?next=/account');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await onPath(page, '/register', '?next=/account');

    const register = page.getByRole('form', { name: 'Create your account' });
    await register.getByLabel('Email').fill(first.email);
    await register.getByLabel('Username').fill(first.username);
    await register.getByLabel('Password').fill(password);
    await register.getByRole('button', { name: 'Create account' }).click();
    await onPath(page, '/account');
    await header.getByRole('link', { name: first.username, exact: true }).waitFor();

    // Signed in, the sign-in page moves on to `next`, but never to another site.
    await page.goto('/login?next=/account');
    await onPath(page, '/account');
    await page.goto('/login?next=//example.com/account');
    await onPath(page, '/');

    await page.goto('/account');
    const profile = page.getByRole('form', { name: 'Profile' });
    await profile.getByLabel('Username').fill(renamed.username);
    await profile.getByLabel('Email').fill(renamed.email);
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await profile.getByRole('status').getByText('Saved').waitFor();
    await header.getByRole('link', { name: renamed.username, exact: true }).waitFor();

    await header.getByRole('button', { name: 'Sign out' }).click();
    await header.getByRole('link', { name: 'Sign in' }).waitFor();
    await page.goto('/account');
    await onPath(page, '/login', '?next=/account');

    await signIn(page, renamed.email, 'not the password');
    const loginAlert = page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
    await loginAlert.waitFor();
    expect(await loginAlert.textContent()).toBe(WRONG_CREDENTIALS);
    await signIn(page, renamed.email, password);
    await onPath(page, '/account');
    await header.getByRole('link', { name: renamed.username, exact: true }).waitFor();

    // A second device, signed in meanwhile, is signed out by the password change.
    const other = await newPage(env.browser, env.app.url);
    await other.page.goto('/login?next=/account');
    await signIn(other.page, renamed.username, password);
    await onPath(other.page, '/account');

    const passwordForm = page.getByRole('form', { name: 'Password' });
    await passwordForm.getByLabel('Current password').fill('not the password');
    await passwordForm.getByLabel('New password', { exact: true }).fill(newPassword);
    await passwordForm.getByLabel('Confirm new password').fill(`${newPassword}!`);
    await passwordForm.getByRole('button', { name: 'Change password' }).click();
    await passwordForm.getByText('The two new passwords are not the same.').waitFor();
    await passwordForm.getByLabel('Confirm new password').fill(newPassword);
    await passwordForm.getByRole('button', { name: 'Change password' }).click();
    await passwordForm.getByText('That password is not correct.').waitFor();
    await passwordForm.getByLabel('Current password').fill(password);
    await passwordForm.getByRole('button', { name: 'Change password' }).click();
    await passwordForm.getByRole('status').getByText('Password changed. 1 other session was signed out.').waitFor();

    await other.page.reload();
    await onPath(other.page, '/login', '?next=/account');
    expect(other.errors).toEqual([]);

    await header.getByRole('button', { name: 'Sign out' }).click();
    await onPath(page, '/');
    await page.goto('/login');
    await signIn(page, renamed.username, newPassword);
    await onPath(page, '/');
    await header.getByRole('link', { name: renamed.username, exact: true }).click();
    await onPath(page, '/account');

    await page.getByRole('button', { name: 'Delete account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.getByLabel('Password').fill(newPassword);
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await onPath(page, '/');
    await page.getByRole('status').getByText('Your account has been deleted.').waitFor();
    await header.getByRole('link', { name: 'Sign in' }).waitFor();

    await page.goto('/login');
    await signIn(page, renamed.email, newPassword);
    await loginAlert.waitFor();
    expect(await loginAlert.textContent()).toBe(WRONG_CREDENTIALS);

    expect(unexpectedErrors(errors, 401, 403)).toEqual([]);
  });
});
