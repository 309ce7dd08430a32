// IP addresses and CIDR ranges as Kubernetes' validation reads them (netip.ParseAddr and
// ParsePrefix): for the CEL library's isIP/isCIDR and the `ipv4`, `ipv6` and `cidr` formats.

/** IPv4 dotted decimal, four parts, no leading zeros (netip.ParseAddr). */
export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

/** The eight 16-bit groups of an IPv6 address without a zone (the last 32 bits may be written as IPv4), or undefined. */
function ipv6Groups(s: string): number[] | undefined {
  if (s.includes('%')) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const parse = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    const parts = h.split(':');
    for (let i = 0; i < parts.length; i++) {
      const g = parts[i];
      if (i === parts.length - 1 && g.includes('.') && h === halves[halves.length - 1]) {
        if (!isIPv4(g)) return undefined;
        const [a, b, c, d] = g.split('.').map(Number);
        out.push(a * 256 + b, c * 256 + d);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) out.push(parseInt(g, 16));
      else return undefined;
    }
    return out;
  };
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const n = head.length + tail.length;
  return n < 8 ? [...head, ...new Array<number>(8 - n).fill(0), ...tail] : undefined;
}

export function isIPv6(s: string): boolean {
  return ipv6Groups(s) !== undefined;
}

/** Kubernetes' isIP: IPv4 or IPv6, no zone, no IPv4-mapped IPv6 address (::ffff:a.b.c.d). */
export function isIP(s: string): boolean {
  if (isIPv4(s)) return true;
  const g = ipv6Groups(s);
  if (!g) return false;
  return !(g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff);
}

/** Kubernetes' isCIDR: an address and a prefix length in range (netip.ParsePrefix). */
export function isCIDR(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const addr = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  if (!/^(?:0|[1-9][0-9]{0,2})$/.test(bits)) return false;
  if (isIPv4(addr)) return Number(bits) <= 32;
  return isIP(addr) && Number(bits) <= 128;
}
