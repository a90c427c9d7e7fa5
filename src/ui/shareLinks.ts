/** The view's link and its embed link, from the page's address and the view's query string. */
export function viewLinks(href: string, search: string): { link: string; embed: string; full: string } {
  const url = new URL(href);
  url.hash = '';
  const params = new URLSearchParams(search);
  params.delete('embed');
  url.search = params.toString();
  const full = url.toString();
  params.set('embed', '1');
  url.search = params.toString();
  return { link: full, embed: url.toString(), full };
}

/** The iframe code a council pastes into its website; the address is escaped for an HTML attribute. */
export function embedSnippet(src: string, areaName: string): string {
  const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${attribute(src)}" title="${attribute(`Crime map: ${areaName}`)}" width="100%" height="560" style="border: 0" loading="lazy"></iframe>`;
}
