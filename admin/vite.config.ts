// The operator console's own build: React 18 + Ant Design 5, served by the runtime at /admin.
// Vite's current major; Taro 4.2's optional peer range (vite ^4) is overridden in package.json, since
// Taro builds with webpack here and never loads vite.
import path from 'node:path'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// Build-time settings (see admin/src/config.ts for VITE_API_BASE / VITE_H5_ORIGIN):
//   ADMIN_BASE     where the console is served: /admin/ by the local runtime; on 静态网站托管
//                  whatever path it is uploaded to (e.g. / or /admin/)
//   ADMIN_OUT_DIR  the output folder (default dist/admin)
export default defineConfig({
  root: __dirname,
  base: process.env.ADMIN_BASE ?? '/admin/',
  plugins: [react()],
  build: {
    outDir: process.env.ADMIN_OUT_DIR ? path.resolve(process.env.ADMIN_OUT_DIR) : path.resolve(__dirname, '..', 'dist', 'admin'),
    emptyOutDir: true,
    // A desk console: one bundle is fine; antd + echarts are large and that is accepted here.
    chunkSizeWarningLimit: 4000,
  },
})
