/**
 * The frame of every assessor page: a skip link, the top bar (navigation, who is signed in,
 * sign out), the main content and a live region for the page script. Our own CSS and script
 * only (see {@link ASSESSOR_CSP}).
 */
import { html, type SafeHtml } from './html.js';

/** Content-Security-Policy of the pages: our own files only, no inline script or style. */
export const ASSESSOR_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/** The signed-in assessor as the frame shows them. */
export interface Viewer {
  name: string;
  /** Public id of the assessor's token. */
  tokenId: string;
  /** CSRF token for forms; empty when signed in by a bearer header (no cookie to forge). */
  csrf: string;
  /** Signed in with the page cookie (so there is a sign-out). */
  session: boolean;
}

export interface LayoutOptions {
  title: string;
  viewer?: Viewer;
  /** Which navigation item is current. */
  active?: 'calls' | 'cohort';
  /** A page meant for printing (the evidence report): a lighter frame. */
  printable?: boolean;
  body: SafeHtml;
}

/** The whole HTML document. */
export function layout(o: LayoutOptions): string {
  const nav = o.viewer
    ? html`<nav aria-label="Assessor pages" class="nav">
        <a href="/assessor" ${o.active === 'calls' ? html`aria-current="page"` : ''}>Calls</a>
        <a href="/assessor/cohort" ${o.active === 'cohort' ? html`aria-current="page"` : ''}>Cohort</a>
      </nav>
      <div class="who">
        <span>Signed in as <strong>${o.viewer.name}</strong></span>
        ${o.viewer.session
          ? html`<form method="post" action="/assessor/sign-out" class="inline-form">
              <input type="hidden" name="_csrf" value="${o.viewer.csrf}">
              <button type="submit" class="link-button">Sign out</button>
            </form>`
          : ''}
      </div>`
    : '';
  return `<!doctype html>\n${html`<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <link rel="icon" href="data:,">
  <title>${o.title} · Order Call Trainer assessor</title>
  <link rel="stylesheet" href="/assessor/static/assessor.css">
  <script src="/assessor/static/assessor.js" defer></script>
</head>
<body class="${o.printable ? 'printable' : ''}">
  <a class="skip-link" href="#main">Skip to content</a>
  <header class="topbar">
    <a class="brand" href="/assessor">Order Call Trainer <span class="brand__role">Assessor</span></a>
    ${nav}
  </header>
  <main id="main" tabindex="-1">
${o.body}
  </main>
  <div id="live" class="visually-hidden" role="status" aria-live="polite"></div>
</body>
</html>`}\n`;
}

/** An error page's body. */
export function errorBody(status: number, message: string): SafeHtml {
  const heading = status === 404 ? 'Not found' : status === 400 ? 'That request was not valid' : status === 403 ? 'Not allowed' : status === 429 ? 'Too many attempts' : 'Something went wrong';
  return html`<section class="panel narrow">
    <h1>${heading}</h1>
    <p>${message}</p>
    <p><a href="/assessor">Back to the calls</a></p>
  </section>`;
}
