import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The Tauri shell serves `dist/` under a strict CSP (no inline scripts or
// styles), so CSS is always emitted as files and never inlined as data.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    cssCodeSplit: false,
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    // Lets @testing-library/svelte unmount components after each test.
    globals: true,
    include: ['src/**/*.test.ts'],
  },
});
