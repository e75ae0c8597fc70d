// The operator console's own build: React 18 + Ant Design 5, served by the runtime at /admin.
// vite 4 / plugin-react 4: the versions Taro 4.2's peer ranges accept in the same node_modules.
import path from 'node:path'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  root: __dirname,
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: path.resolve(__dirname, '..', 'dist', 'admin'),
    emptyOutDir: true,
    // A desk console: one bundle is fine; antd + echarts are large and that is accepted here.
    chunkSizeWarningLimit: 4000,
  },
})
