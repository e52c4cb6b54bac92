import { appNextConfig } from '@newsroom/app-shell/config';

export default appNextConfig({
  transpilePackages: ['@newsroom/links'],
  serverExternalPackages: ['ioredis', 'rate-limiter-flexible'],
});
