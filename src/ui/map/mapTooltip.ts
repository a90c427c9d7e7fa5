/**
 * The hover tooltip of the map: a title and lines, built from text nodes (never from
 * HTML strings, since names come from the data files). Pointer-only, so aria-hidden; the
 * table and legend carry the same figures.
 */
export class MapTooltip {
  private readonly element: HTMLDivElement;

  constructor(container: HTMLElement) {
    this.element = document.createElement('div');
    this.element.className = 'ward-tooltip';
    this.element.setAttribute('aria-hidden', 'true');
    this.element.hidden = true;
    container.append(this.element);
  }

  show(title: string, lines: readonly string[], x: number, y: number): void {
    const heading = document.createElement('strong');
    heading.textContent = title;
    this.element.replaceChildren(heading, ...lines.map((line) => Object.assign(document.createElement('div'), { textContent: line })));
    this.element.hidden = false;
    // Beside the pointer, flipped to the other side near the right or bottom edge.
    const parent = this.element.parentElement;
    const flipX = parent !== null && x + 16 + this.element.offsetWidth > parent.clientWidth;
    const flipY = parent !== null && y + 16 + this.element.offsetHeight > parent.clientHeight;
    const left = flipX ? x - 12 - this.element.offsetWidth : x + 16;
    const top = flipY ? y - 12 - this.element.offsetHeight : y + 16;
    this.element.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  hide(): void {
    this.element.hidden = true;
  }

  remove(): void {
    this.element.remove();
  }
}
