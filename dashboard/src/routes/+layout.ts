// Built static and served as an SPA by the backend: no server rendering, no prerendering.
export const ssr = false;
export const prerender = false;
