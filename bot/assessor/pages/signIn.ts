/** The sign-in page: the assessor pastes their token; the server answers with a session cookie. */
import { html } from './html.js';
import { layout } from './layout.js';

/** The sign-in form, with an error when the last attempt failed. */
export function signInPage(next: string, error?: string): string {
  return layout({
    title: 'Sign in',
    body: html`<section class="panel narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Assessor sign-in</h1>
      <p>Enter the assessor token your administrator gave you. You stay signed in on this browser for the working day.</p>
      ${error ? html`<p class="error" role="alert" id="sign-in-error">${error}</p>` : ''}
      <form method="post" action="/assessor/sign-in" class="stack">
        <input type="hidden" name="next" value="${next}">
        <label for="token">Assessor token</label>
        <input id="token" name="token" type="password" autocomplete="current-password" required maxlength="1000"
               spellcheck="false" ${error ? html`aria-invalid="true" aria-describedby="sign-in-error"` : ''}>
        <button type="submit" class="primary">Sign in</button>
      </form>
    </section>`,
  });
}
