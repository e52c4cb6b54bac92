/** Set by the proxy so server components know which page was asked for (for "next="). */
export const REQUEST_PATH_HEADER = 'x-newsroom-path';
