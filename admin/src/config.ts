// Where the console finds the functions and the visitor site, fixed at build time (Vite's env):
//   VITE_API_BASE   the functions' base URL: `/api` when the local runtime serves the console; on the
//                   cloud, the HTTP access route, e.g. https://<env>.service.tcloudbase.com/console-api
//   VITE_H5_ORIGIN  the visitor site for 预览 links ('' = the console's own origin, as locally)
// See docs/wechat-cloud.md (§ Console hosting).
const trimmed = (value: string | undefined, fallback: string) => (value ?? fallback).replace(/\/+$/, '')

export const API_BASE = trimmed(import.meta.env.VITE_API_BASE, '/api')
export const H5_ORIGIN = trimmed(import.meta.env.VITE_H5_ORIGIN, '')

/** A page of the visitor app (hash route), e.g. `pages/exhibit/index?id=helmet`. */
export const visitorPage = (route: string) => `${H5_ORIGIN}/#/${route}`
