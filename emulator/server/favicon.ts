/**
 * The tab icon of the H5 app: a five-pointed star on party red, as on the app's home page. Served
 * at /favicon.svg (linked from index.html) and at /favicon.ico, which browsers ask for by
 * themselves, so neither answers 404.
 */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="14" fill="#c8161d"/>
<path fill="#ffde00" d="M32 10l6.5 13.2 14.5 2.1-10.5 10.2 2.5 14.5L32 43.2l-13 6.8 2.5-14.5L11 25.3l14.5-2.1z"/>
</svg>
`;

export const FAVICON_PATHS = new Set(['/favicon.ico', '/favicon.svg']);
