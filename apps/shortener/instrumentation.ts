// Next.js hooks, run once per server process; both apps share them.
export { register, onRequestError } from '@newsroom/app-shell';
