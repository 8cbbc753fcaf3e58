/**
 * Whether a listen address keeps the server on this machine. `server.start` from the UI may
 * listen on one of these freely; any other host exposes the mocks to the network and needs
 * the user's explicit confirmation (`exposeOnNetwork: true`). The renderer asks with the same
 * rule the handler enforces.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^(?:::ffff:)?127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return v4 !== null && v4.slice(1).every((octet) => Number(octet) <= 255);
}
