/**
 * The one Content-Security-Policy of the app. Plain data with no `electron` import, so the
 * main process, the browser host and the tests all read the same string.
 * Nothing but the app's own files may load: no inline code, no eval, no network.
 */
export const contentSecurityPolicyDirectives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
] as const;

export const contentSecurityPolicy = contentSecurityPolicyDirectives.join('; ');

/**
 * Only for `npm run dev`: Vite's dev server injects styles and React's refresh preamble inline,
 * so the development policy allows inline styles and scripts. Built and packaged apps never use it.
 */
export const developmentContentSecurityPolicy = contentSecurityPolicyDirectives
  .map((directive) =>
    directive.startsWith('script-src') || directive.startsWith('style-src') ? `${directive} 'unsafe-inline'` : directive,
  )
  .join('; ');
