import { defineConfig, mergeConfig } from 'vitest/config';
import { APP_HOOK_CEILING_MS } from '../../packages/testing/src/waiting';
import shared from '../../vitest.shared';

// Integration tests start the real editor (Next.js production build) in their hooks.
export default mergeConfig(shared, defineConfig({ test: { hookTimeout: APP_HOOK_CEILING_MS } }));
