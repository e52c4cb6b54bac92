export { appsConfig as default } from '../../vitest.shared';
