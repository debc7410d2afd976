import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Relative paths: the built folder works from any directory of any static host.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: { include: ['src/**/*.test.ts', 'scripts/**/*.test.mjs'] },
});
