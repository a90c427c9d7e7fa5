import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { embeddedDataPlugin } from './scripts/embedded-data-plugin.ts';

// Relative base so the built folder works from any sub-path of a static host.
export default defineConfig({
  base: './',
  plugins: [react(), embeddedDataPlugin()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
});
