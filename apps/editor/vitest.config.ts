import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared';

// Integration tests start the real editor (Next.js production build), which takes a while on a
// loaded machine.
export default mergeConfig(shared, defineConfig({ test: { hookTimeout: 120_000 } }));
