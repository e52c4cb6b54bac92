import { fallbackRenditionPath, IMAGE, type ImageAttributes } from '@newsroom/article';
import type { NodeViewRenderer } from '@tiptap/core';

/**
 * How the editor shows an image: the picture as readers will see it, its caption and credit, and
 * an "Edit image" button. Plain DOM, not React: a long article with many images must not add
 * React work to every keystroke. The figure is not editable text; its texts change through the
 * image dialog (`onEdit`), which keeps alt text required.
 */
export function imageNodeView(onEdit: (position: number) => void): NodeViewRenderer {
  return ({ node, getPos }) => {
    const figure = document.createElement('figure');
    figure.className = 'body-editor-image';
    figure.contentEditable = 'false';
    const img = document.createElement('img');
    img.decoding = 'async';
    img.loading = 'lazy';
    const caption = document.createElement('figcaption');
    const captionText = document.createElement('span');
    captionText.className = 'image-caption';
    const credit = document.createElement('span');
    credit.className = 'image-credit';
    caption.append(captionText, credit);
    const edit = document.createElement('button');
    edit.type = 'button';
    edit.className = 'body-editor-image-edit';
    edit.textContent = 'Edit image';
    edit.addEventListener('click', () => {
      const position = typeof getPos === 'function' ? getPos() : undefined;
      if (typeof position === 'number') onEdit(position);
    });
    figure.append(img, caption, edit);

    const show = (attrs: ImageAttributes) => {
      img.src =
        attrs.imageId && attrs.width ? fallbackRenditionPath(attrs.imageId, attrs.width, 800) : '';
      img.alt = attrs.alt ?? '';
      img.width = attrs.width ?? 0;
      img.height = attrs.height ?? 0;
      captionText.textContent = attrs.caption || 'No caption';
      captionText.classList.toggle('is-missing', !attrs.caption);
      credit.textContent = attrs.credit ?? '';
      edit.setAttribute('aria-label', `Edit image: ${attrs.alt || 'no alt text'}`);
    };
    show(node.attrs as ImageAttributes);

    return {
      dom: figure,
      update: (updated) => {
        if (updated.type.name !== IMAGE) return false;
        show(updated.attrs as ImageAttributes);
        return true;
      },
      // The button is ours; the editor must not turn its clicks into selections or drags.
      stopEvent: (event) => event.target === edit,
      ignoreMutation: () => true,
    };
  };
}
