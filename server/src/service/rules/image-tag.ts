// image-tag: a container image without a tag (which means :latest) or with :latest.
import { rangeOfValue } from '../manifest/navigate';
import { containersOf } from '../k8s/podSpec';
import type { Rule } from './types';

/** The tag of an image reference, '' when it has none, undefined when it is pinned by digest. */
export function tagOf(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  // A ':' before the last '/' belongs to a registry host:port (registry:5000/app), not a tag.
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastPart.lastIndexOf(':');
  return colon < 0 ? '' : lastPart.slice(colon + 1);
}

export const imageTag: Rule = {
  meta: {
    id: 'image-tag',
    name: 'Image without a pinned tag',
    severity: 'warning',
    kinds: 'all',
    description: 'A container image has no tag (so it means :latest) or uses :latest.',
    rationale:
      'A moving tag makes a rollout unrepeatable: two nodes can pull different code under the same manifest, a rollback goes back to ' +
      'whatever :latest is today, and the guide pins every example to a version (myapp:v1.0.0, postgres:15). Pin a version tag or a digest.',
    guideSection: 'Deployment',
    fixable: false,
    onPatch: 'check',
    messages: {
      noTag:
        'Image {{image}} of container {{container}} has no tag, so Kubernetes pulls :latest — pin a version (e.g. {{image}}:1.0.0) or a digest (@sha256:…).',
      latest:
        'Image {{image}} of container {{container}} uses the moving tag :latest — pin a version or a digest (@sha256:…) so every node runs the same code.',
    },
    example: {
      invalid: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:latest\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    for (const { container, path } of containersOf(ctx.value, ctx.object.kind)) {
      const image = container.image;
      // Placeholders (<image_url>, ${IMAGE}, {{ .image }}) are not image references yet.
      if (typeof image !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/.test(image)) continue;
      const tag = tagOf(image);
      if (tag === undefined || (tag !== '' && tag !== 'latest')) continue;
      const [start, end] = rangeOfValue(ctx.doc, [...path, 'image']);
      ctx.report({
        start,
        end,
        messageId: tag === '' ? 'noTag' : 'latest',
        data: { image, container: typeof container.name === 'string' ? container.name : `#${Number(path[path.length - 1]) + 1}` },
      });
    }
  },
};
