// H5: the roster is chosen with a file input and read as base64; the template is downloaded as a
// file. The weapp build uses roster-file.weapp.ts (a file chosen from a WeChat chat).
export interface PickedFile {
  name: string
  base64: string
}

export const pickSupported = true

/** The chosen file, or null when nothing was chosen; rejects with ROSTER_UNREADABLE when the file cannot be read. */
export function pickRoster(): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,.csv'
    input.setAttribute('data-roster-input', '')
    input.style.display = 'none'
    input.onchange = () => {
      const file = input.files?.[0]
      input.remove()
      if (!file) return resolve(null)
      const reader = new FileReader()
      reader.onload = () => resolve({ name: file.name, base64: String(reader.result).replace(/^data:[^,]*,/, '') })
      reader.onerror = () => reject(new Error('ROSTER_UNREADABLE'))
      reader.readAsDataURL(file)
    }
    document.body.appendChild(input)
    input.click()
  })
}

export function saveTemplate(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
