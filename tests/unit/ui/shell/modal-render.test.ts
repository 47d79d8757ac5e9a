// Server-renders the shared dialog frame (no DOM needed): the backdrop, the labelled dialog, the header
// with its title, optional extra and × button, and the body, with the class names the styles and tests use.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Modal, type ModalProps } from '../../../../src/ui/index.ts';

const noop = () => {};

function render(props: Partial<ModalProps> = {}): string {
  const full: ModalProps = {
    label: 'Things',
    title: 'All things',
    closeLabel: 'Close things',
    onClose: noop,
    ...props,
  };
  return renderToStaticMarkup(createElement(Modal, full, createElement('p', { className: 'body' }, 'inside')));
}

describe('Modal', () => {
  it('renders the backdrop, the dialog, the header and the body in that order', () => {
    expect(render()).toBe(
      '<div class="modal-backdrop"><div class="modal" role="dialog" aria-modal="true" aria-label="Things">' +
        '<div class="modal-header"><h2>All things</h2><button type="button" aria-label="Close things">×</button></div>' +
        '<p class="body">inside</p></div></div>',
    );
  });

  it('adds the class name and test id to the dialog', () => {
    const html = render({ className: 'gallery', testId: 'gallery-dialog' });
    expect(html).toContain(
      '<div class="modal gallery" role="dialog" aria-modal="true" aria-label="Things" data-testid="gallery-dialog">',
    );
  });

  it('puts a rich title in the h2 and the header extra between it and the × button', () => {
    const html = render({
      title: createElement('code', null, 'main.tf'),
      headerExtra: createElement('span', { className: 'extra' }, '3 done'),
    });
    expect(html).toContain('<h2><code>main.tf</code></h2><span class="extra">3 done</span><button');
  });
});
