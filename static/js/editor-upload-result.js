/* The answer to an image the editor uploaded through a form in a hidden frame
 * (unionsite/editor_uploads.py): hand the stored image's address, or the reason it was refused,
 * to the editor's callback. */
;(() => {
  const script = document.currentScript
  window.parent.CKEDITOR.tools.callFunction(
    Number(script.dataset.callback),
    script.dataset.url,
    script.dataset.message,
  )
})()
