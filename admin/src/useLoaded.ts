import { useState } from 'react'
import { App } from 'antd'
import type { Result } from '../../cloud/contracts/result'
import { useOnMount } from './useOnMount'

/**
 * A console page's data from one action: fetched when the page opens and again on `reload()` (each
 * page reloads after a change it made), `loading` for the table's spinner, a refusal shown as a
 * message while the data already on screen stays. `setData` for a change the page applies itself.
 */
export function useLoaded<T>(fetchData: () => Promise<Result<T>>) {
  const { message } = App.useApp()
  const [data, setData] = useState<T | null>(null)
  const [loading, setLoading] = useState(true)
  const reload = async () => {
    setLoading(true)
    const res = await fetchData()
    setLoading(false)
    if (res.ok) setData(res.data)
    else message.error(res.error.message)
  }
  useOnMount(reload)
  return { data, loading, reload, setData }
}
