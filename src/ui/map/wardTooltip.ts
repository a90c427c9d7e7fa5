import type { DashboardModel } from '../../core/dashboardModel.ts';
import { formatCount, formatRate } from '../../core/format.ts';

/**
 * The hover tooltip: ward name, mapped value and rank, built from text nodes (never from
 * HTML strings, since names come from the data files). Pointer-only, so aria-hidden; the
 * table has the same figures.
 */
export class WardTooltip {
  private readonly element: HTMLDivElement;

  constructor(container: HTMLElement) {
    this.element = document.createElement('div');
    this.element.className = 'ward-tooltip';
    this.element.setAttribute('aria-hidden', 'true');
    this.element.hidden = true;
    container.append(this.element);
  }

  show(model: DashboardModel, ward: number, x: number, y: number): void {
    const row = model.wards[ward];
    const valueText =
      row.value === null
        ? 'No population figure, so no rate'
        : model.measure === 'rate'
          ? `${formatRate(row.value, model.rateDigits)} per 1,000 residents (${formatCount(row.figures.count)} crimes)`
          : `${formatCount(row.value)} crimes`;
    const lines = [valueText, row.rank === null ? 'Not ranked' : `Rank ${row.rank} of ${model.wards.length}`];
    if (row.group !== null) lines.push(`${model.groupLabel}: ${row.group}`);

    const title = document.createElement('strong');
    title.textContent = row.name;
    this.element.replaceChildren(title, ...lines.map((line) => Object.assign(document.createElement('div'), { textContent: line })));
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
