// Lists the stylesheets, scripts and images the page loaded, so a person sees the URLs they got.
document.addEventListener('DOMContentLoaded', () => {
  const list = document.getElementById('loaded');
  const urls = [...document.querySelectorAll('link[rel=stylesheet], script[src], img[src]')]
    .map((element) => new URL(element.href || element.src).pathname);
  list.replaceChildren(...urls.map((url) => {
    const item = document.createElement('li');
    item.textContent = url;
    return item;
  }));
  document.body.dataset.ready = 'true';
});
