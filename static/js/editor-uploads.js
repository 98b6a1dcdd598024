/* Image uploads from CKEditor 4 in the admin (unionsite/editor_uploads.py answers them).
 *
 * - Every upload request carries Django's CSRF token in the X-CSRFToken header.
 * - When the server refuses an image (with a 4xx status and {"error": {"message": ...}}), the
 *   editor shows the server's message. For a pasted or dropped image CKEditor would otherwise
 *   show only "HTTP error 400"; its image dialog reads the message by itself.
 */
;(() => {
  function csrfToken() {
    const field = document.querySelector("input[name=csrfmiddlewaretoken]")
    if (field) {
      return field.value
    }
    const cookie = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/)
    return cookie ? decodeURIComponent(cookie[1]) : ""
  }

  function serverMessage(xhr) {
    try {
      const answer = JSON.parse(xhr.responseText)
      return answer && answer.error && answer.error.message
    } catch (error) {
      return null
    }
  }

  CKEDITOR.on("instanceCreated", (created) => {
    const editor = created.editor
    // CKEditor opens the request at priority 5 and sends it at 999: the header goes in between.
    editor.on("fileUploadRequest", (request) => {
      request.data.fileLoader.xhr.setRequestHeader("X-CSRFToken", csrfToken())
    })
    editor.on("pluginsLoaded", () => {
      if (!editor.uploadRepository) {
        return
      }
      editor.uploadRepository.on("instanceCreated", (loaderCreated) => {
        const loader = loaderCreated.data
        // Before the upload widget's own listener (priority 10) shows loader.message.
        loader.on(
          "error",
          () => {
            const message = loader.xhr && serverMessage(loader.xhr)
            if (message) {
              loader.message = message
            }
          },
          null,
          null,
          1,
        )
      })
    })
  })
})()
