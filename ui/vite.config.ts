import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The Tauri shell serves `dist/` under a strict CSP (no inline scripts or
// styles), so CSS is always emitted as files and never inlined as data.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    cssCodeSplit: false,
  },
  // Tests mount components in jsdom, which needs Svelte's browser build.
  resolve: mode === 'test' ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    // Lets @testing-library/svelte unmount components after each test.
    globals: true,
    include: ['src/**/*.test.ts'],
  },
}));
