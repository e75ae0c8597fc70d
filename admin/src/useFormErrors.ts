import { App, type FormInstance } from 'antd'

/** Shows a server refusal: per-field messages under their fields (input kept), the rest as a message. */
export function useFormErrors(form: FormInstance) {
  const { message } = App.useApp()
  return (error: { message: string; fields?: Record<string, string> }) => {
    const fields = Object.entries(error.fields ?? {}).filter(([k]) => k !== '_')
    if (fields.length) form.setFields(fields.map(([name, msg]) => ({ name: name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [msg] })))
    message.error(error.message)
  }
}

/** For a Form's onValuesChange: an edited field's old server message goes (fields with their own
 *  rules re-check themselves; these would otherwise keep a message the edit may have fixed). */
export function clearErrorsOnEdit(form: FormInstance) {
  return (changed: object) => {
    const paths: Array<Array<string | number>> = []
    const walk = (value: unknown, at: Array<string | number>) => {
      if (value && typeof value === 'object' && !('$d' in value) && !('$isDayjsObject' in value)) {
        for (const [k, v] of Object.entries(value)) walk(v, [...at, Array.isArray(value) ? Number(k) : k])
      } else paths.push(at)
    }
    walk(changed, [])
    const withErrors = paths.filter((name) => name.length && form.getFieldError(name).length)
    if (withErrors.length) form.setFields(withErrors.map((name) => ({ name, errors: [] })))
  }
}
