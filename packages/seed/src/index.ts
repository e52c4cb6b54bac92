export { seedDemoNewsroom, type DemoLogin } from './demo-newsroom';
export { readDemoLogin, saveDemoLogin } from './demo-login';
