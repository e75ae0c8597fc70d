// A small JSON-over-HTTP client for the tests and benchmarks that drive a running server: one POST,
// its status, its parsed body (null when it is not JSON) and how long it took. Never rejects: a
// connection error answers status 0, so a benchmark counts it instead of stopping.
import http from 'node:http'

export interface Reply {
  status: number
  body: any
  ms: number
}

export function postJson(port: number, urlPath: string, payload: object, token?: string, agent?: http.Agent): Promise<Reply> {
  const body = JSON.stringify(payload)
  return new Promise((resolve) => {
    const started = performance.now()
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: urlPath,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => {
          let parsed: unknown = null
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'))
          } catch {
            // Not JSON: the caller sees body null.
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, ms: performance.now() - started })
        })
      },
    )
    req.on('error', () => resolve({ status: 0, body: null, ms: performance.now() - started }))
    req.end(body)
  })
}
