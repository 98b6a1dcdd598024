/* A progress bar while an admin change form sends its files (photos from a phone take a while).
 *
 * Only when at least one file is chosen: the form is sent with XMLHttpRequest, whose upload
 * events drive a <progress> bar. The server (editorial/admin.py) answers a save that went through
 * with {"location": …}, and the page goes there, where the admin shows its messages. A form with
 * errors (nothing was stored), a lost connection or an old browser falls back to the ordinary
 * submit, which shows the errors as usual; any other answer (403, 500) is shown as it came. Pop-up
 * forms are left alone. Loaded as a file: the admin's Content-Security-Policy forbids inline
 * script.
 *
 * Before sending, very large JPEG and PNG photos (over 2 MB, or wider or taller than 2560 px, as
 * phones take them) are drawn on a canvas at most 2560 px on the long side, turned upright by
 * their EXIF orientation, and sent as JPEG (quality 0.85) under the same name ending in .jpg.
 * Whatever goes wrong there (no canvas, a picture the browser cannot decode, HEIC) sends the
 * original file; the server checks and re-encodes every picture either way.
 */
;(() => {
  const WORDS = {
    ky: {
      sending: "Жүктөлүүдө: {files} файл, {size}. Күтө туруңуз…",
      done: "Сакталууда…",
      preparing: "Сүрөттөр даярдалууда…",
      units: ["байт", "КБ", "МБ", "ГБ"],
      decimal: ",",
    },
    ru: {
      sending: "Загрузка: файлов {files}, {size}. Пожалуйста, подождите…",
      done: "Сохранение…",
      preparing: "Подготовка фотографий…",
      units: ["байт", "КБ", "МБ", "ГБ"],
      decimal: ",",
    },
    en: {
      sending: "Uploading {files} file(s), {size}. Please wait…",
      done: "Saving…",
      preparing: "Preparing photos…",
      units: ["bytes", "KB", "MB", "GB"],
      decimal: ".",
    },
  }

  function words() {
    const language = (document.documentElement.lang || "ky").slice(0, 2)
    return WORDS[language] || WORDS.en
  }

  function humanSize(bytes, w) {
    let value = bytes
    let unit = 0
    while (value >= 1024 && unit < w.units.length - 1) {
      value /= 1024
      unit += 1
    }
    const text = unit === 0 ? String(value) : value.toFixed(1).replace(".", w.decimal)
    return `${text} ${w.units[unit]}`
  }

  // Photos larger than this (bytes, or pixels on the long side) are made smaller before sending.
  const SHRINK_ABOVE_BYTES = 2 * 1024 * 1024
  const LONG_SIDE = 2560
  const JPEG_QUALITY = 0.85
  const SHRINKABLE_TYPES = ["image/jpeg", "image/png"]

  function decode(file) {
    // createImageBitmap applies the EXIF orientation when asked; an <img> does by default
    // (the CSS image-orientation: from-image) where createImageBitmap is missing.
    if (window.createImageBitmap) {
      return createImageBitmap(file, { imageOrientation: "from-image" })
    }
    return new Promise((resolve, reject) => {
      const url = URL.createObjectURL(file)
      const image = new Image()
      image.addEventListener("load", () => {
        URL.revokeObjectURL(url)
        resolve(image)
      })
      image.addEventListener("error", () => {
        URL.revokeObjectURL(url)
        reject(new Error("not an image the browser can read"))
      })
      image.src = url
    })
  }

  function jpegName(name) {
    const dot = name.lastIndexOf(".")
    return `${dot > 0 ? name.slice(0, dot) : name || "photo"}.jpg`
  }

  // The file itself, or a smaller JPEG of it; never fails.
  async function shrunk(file) {
    if (!SHRINKABLE_TYPES.includes(file.type)) {
      return file
    }
    try {
      const picture = await decode(file)
      const width = picture.naturalWidth || picture.width
      const height = picture.naturalHeight || picture.height
      const longSide = Math.max(width, height)
      if (!longSide || (file.size <= SHRINK_ABOVE_BYTES && longSide <= LONG_SIDE)) {
        return file
      }
      const scale = Math.min(1, LONG_SIDE / longSide)
      const canvas = document.createElement("canvas")
      canvas.width = Math.max(1, Math.round(width * scale))
      canvas.height = Math.max(1, Math.round(height * scale))
      const context = canvas.getContext("2d")
      if (!context || !canvas.toBlob) {
        return file
      }
      // A transparent PNG gets a white background, not JPEG's black.
      context.fillStyle = "#fff"
      context.fillRect(0, 0, canvas.width, canvas.height)
      context.drawImage(picture, 0, 0, canvas.width, canvas.height)
      if (picture.close) {
        picture.close()
      }
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", JPEG_QUALITY))
      if (!blob || !blob.size || (scale === 1 && blob.size >= file.size)) {
        return file
      }
      return new File([blob], jpegName(file.name), { type: "image/jpeg", lastModified: file.lastModified })
    } catch (error) {
      return file
    }
  }

  // The form's data with large photos replaced by smaller ones, and the files that will be sent.
  async function formDataWithSmallerPhotos(form) {
    const data = new FormData(form)
    const files = []
    for (const input of form.querySelectorAll("input[type=file]")) {
      const chosen = Array.from(input.files || [])
      if (!input.name || input.disabled) {
        continue
      }
      const sent = await Promise.all(chosen.map(shrunk))
      if (sent.some((file, index) => file !== chosen[index])) {
        data.delete(input.name)
        for (const file of sent) {
          data.append(input.name, file, file.name)
        }
      }
      files.push(...sent)
    }
    return { data, files }
  }

  function chosenFiles(form) {
    const files = []
    for (const input of form.querySelectorAll("input[type=file]")) {
      for (const file of input.files || []) {
        files.push(file)
      }
    }
    return files
  }

  function statusBox(form) {
    let box = form.querySelector(".upload-progress")
    if (!box) {
      box = document.createElement("div")
      box.className = "upload-progress"
      box.setAttribute("role", "status")
      box.setAttribute("aria-live", "polite")
      const text = document.createElement("p")
      text.className = "upload-progress-text"
      const bar = document.createElement("progress")
      bar.max = 100
      bar.value = 0
      box.append(text, bar)
      form.prepend(box)
    }
    box.hidden = false
    return box
  }

  function submitNormally(form, submitter) {
    form.dataset.uploadFallback = "1"
    if (submitter && submitter.name) {
      const hidden = document.createElement("input")
      hidden.type = "hidden"
      hidden.name = submitter.name
      hidden.value = submitter.value
      form.append(hidden)
    }
    form.submit()
  }

  async function send(form, submitter) {
    const w = words()
    const box = statusBox(form)
    const text = box.querySelector(".upload-progress-text")
    const bar = box.querySelector("progress")
    text.textContent = w.preparing
    for (const button of form.querySelectorAll("[type=submit]")) {
      button.disabled = true
    }
    form.classList.add("is-uploading")

    let prepared
    try {
      prepared = await formDataWithSmallerPhotos(form)
    } catch (error) {
      prepared = { data: new FormData(form), files: chosenFiles(form) }
    }
    const { data, files } = prepared
    const total = files.reduce((sum, file) => sum + file.size, 0)
    text.textContent = w.sending.replace("{files}", files.length).replace("{size}", humanSize(total, w))
    if (submitter && submitter.name) {
      data.append(submitter.name, submitter.value)
    }
    const xhr = new XMLHttpRequest()
    xhr.open("POST", form.action || window.location.href)
    xhr.setRequestHeader("X-Upload-Progress", "1")
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) {
        bar.value = Math.round((event.loaded / event.total) * 100)
      }
    })
    xhr.upload.addEventListener("load", () => {
      bar.value = 100
      text.textContent = w.done
    })
    const fallBack = () => {
      for (const button of form.querySelectorAll("[type=submit]")) {
        button.disabled = false
      }
      submitNormally(form, submitter)
    }
    xhr.addEventListener("load", () => {
      let answer = null
      if ((xhr.getResponseHeader("Content-Type") || "").startsWith("application/json")) {
        try {
          answer = JSON.parse(xhr.responseText)
        } catch (error) {
          answer = null
        }
      }
      if (xhr.status === 200 && answer && typeof answer.location === "string") {
        window.location.assign(answer.location)
      } else if (xhr.status === 200 && xhr.responseText.includes('class="errornote"')) {
        // The form has errors and nothing was stored: send it the ordinary way, so the admin
        // shows the form with its messages and the files chosen.
        fallBack()
      } else {
        // Any other answer (a refusal, a server error) is shown as the server wrote it; the
        // form is not sent twice.
        document.open()
        document.write(xhr.responseText)
        document.close()
      }
    })
    xhr.addEventListener("error", fallBack)
    xhr.addEventListener("abort", fallBack)
    xhr.send(data)
  }

  document.addEventListener("submit", (event) => {
    const form = event.target
    if (!(form instanceof HTMLFormElement) || !form.closest("#content-main")) {
      return
    }
    // A form in a pop-up window answers with a page that closes it: leave it to the browser.
    if (form.enctype !== "multipart/form-data" || form.dataset.uploadFallback || form.elements._popup) {
      return
    }
    if (!window.FormData || !window.XMLHttpRequest) {
      return
    }
    const files = chosenFiles(form)
    if (!files.length) {
      return
    }
    event.preventDefault()
    send(form, event.submitter)
  })
})()
