/* A progress bar while an admin change form sends its files (photos from a phone take a while).
 *
 * Only when at least one file is chosen: the form is sent with XMLHttpRequest, whose upload
 * events drive a <progress> bar. The server (editorial/admin.py) answers a save that went through
 * with {"location": …}, and the page goes there, where the admin shows its messages. A form with
 * errors (nothing was stored), a lost connection or an old browser falls back to the ordinary
 * submit, which shows the errors as usual; any other answer (403, 500) is shown as it came. Pop-up
 * forms are left alone. Loaded as a file: the admin's Content-Security-Policy forbids inline
 * script.
 */
;(() => {
  const WORDS = {
    ky: {
      sending: "Жүктөлүүдө: {files} файл, {size}. Күтө туруңуз…",
      done: "Сакталууда…",
      units: ["байт", "КБ", "МБ", "ГБ"],
      decimal: ",",
    },
    ru: {
      sending: "Загрузка: файлов {files}, {size}. Пожалуйста, подождите…",
      done: "Сохранение…",
      units: ["байт", "КБ", "МБ", "ГБ"],
      decimal: ",",
    },
    en: {
      sending: "Uploading {files} file(s), {size}. Please wait…",
      done: "Saving…",
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

  function send(form, submitter, files) {
    const w = words()
    const total = files.reduce((sum, file) => sum + file.size, 0)
    const box = statusBox(form)
    const text = box.querySelector(".upload-progress-text")
    const bar = box.querySelector("progress")
    text.textContent = w.sending.replace("{files}", files.length).replace("{size}", humanSize(total, w))
    for (const button of form.querySelectorAll("[type=submit]")) {
      button.disabled = true
    }
    form.classList.add("is-uploading")

    const data = new FormData(form)
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
    send(form, event.submitter, files)
  })
})()
