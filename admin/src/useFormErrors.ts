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
