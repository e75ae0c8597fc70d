// A client request id names one intent to book. It is made when the visitor starts a booking and
// kept through retries (double tap, timeout, network error), so the cloud books at most once.
export function newRequestId(): string {
  const random = () => Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0')
  return `${Date.now().toString(36)}-${random()}${random()}`
}
