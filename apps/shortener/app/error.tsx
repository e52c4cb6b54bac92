'use client';
// Next.js needs this file in each app; the page itself is shared.
export { UnavailableErrorPage as default } from '@newsroom/app-shell/browser';
