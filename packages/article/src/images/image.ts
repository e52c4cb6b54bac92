import { mergeAttributes, Node } from '@tiptap/core';
import { fallbackRenditionPath } from './image-renditions';

export const IMAGE = 'image';

/** What an image node stores: the image id and the texts and size readers get. */
export interface ImageAttributes {
  imageId: string;
  /** Required and non-empty: validation refuses an image without alt text. */
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    image: {
      /** Inserts an image block at the selection (or `position`). */
      insertImage: (attributes: ImageAttributes, position?: number) => ReturnType;
    };
  }
}

const text = (name: string) => ({
  default: '',
  parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`) ?? '',
  renderHTML: (attributes: Record<string, unknown>) => ({
    [`data-${name}`]: attributes[name] as string,
  }),
});

const size = (name: string) => ({
  default: null,
  parseHTML: (element: HTMLElement) => {
    const value = Number(element.getAttribute(`data-${name}`));
    return Number.isInteger(value) && value > 0 ? value : null;
  },
  renderHTML: (attributes: Record<string, unknown>) => ({
    [`data-${name}`]: attributes[name] as number | null,
  }),
});

/**
 * A stored image as a block of its own: alt, caption and credit are attributes, so the
 * renderer writes them into a `<figure>` and nothing else can ride along. The editor shows it
 * through a node view; this renderHTML is what copy/paste inside the editor carries.
 */
export const Image = Node.create({
  name: IMAGE,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      imageId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-image-id'),
        renderHTML: (attributes) => ({ 'data-image-id': attributes.imageId as string | null }),
      },
      alt: text('alt'),
      caption: text('caption'),
      credit: text('credit'),
      width: size('width'),
      height: size('height'),
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-image-id]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { imageId, alt, caption, credit, width, height } = node.attrs as ImageAttributes;
    return [
      'figure',
      mergeAttributes({ class: 'article-image' }, HTMLAttributes),
      [
        'img',
        {
          src: imageId && width ? fallbackRenditionPath(imageId, width, 800) : '',
          alt,
          width,
          height,
        },
      ],
      ['figcaption', {}, [caption, credit].filter(Boolean).join(' — ')],
    ];
  },

  renderText({ node }) {
    return (node.attrs as ImageAttributes).caption ?? '';
  },

  addCommands() {
    return {
      insertImage:
        (attributes, position) =>
        ({ commands }) =>
          commands.insertContentAt(position ?? this.editor.state.selection.to, {
            type: IMAGE,
            attrs: attributes,
          }),
    };
  },
});
