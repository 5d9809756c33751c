import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served behind the gateway at /console/. The Maven build sets CONSOLE_OUT_DIR to put the bundle
// where the console module packages it.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: process.env.CONSOLE_OUT_DIR || 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      // Dev server: everything except /console goes to the gateway.
      '^/(?!console)': { target: process.env.YIBAO_BASE_URL || 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
} as never);
