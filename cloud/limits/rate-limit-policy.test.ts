// The address bucket every per-address limit and cap counts by: the plain IPv4 form a socket
// reports is answered without parsing, and must be the bucket ipaddr.js gives it.
import fc from 'fast-check'
import ipaddr from 'ipaddr.js'
import { addressBucket } from './rate-limit-policy'

describe('addressBucket', () => {
  it('answers a plain IPv4 address as ipaddr.js does', () => {
    fc.assert(
      fc.property(fc.ipV4(), (address) => {
        expect(addressBucket(address)).toBe(ipaddr.parse(address).toString())
      }),
      { numRuns: 2000 },
    )
  })

  it('still parses every other form: mapped IPv4, IPv6 by its /64, odd IPv4 spellings, non-addresses', () => {
    expect(addressBucket('::ffff:10.1.2.3')).toBe('10.1.2.3')
    expect(addressBucket('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64')
    expect(addressBucket('2001:db8:1:2::1')).toBe(addressBucket('2001:db8:1:2:ffff::9'))
    // Leading zeros, hex and short forms are not the plain form: they take ipaddr.js's reading.
    for (const odd of ['010.1.2.3', '0x7f.0.0.1', '127.1', '256.1.1.1']) {
      expect(addressBucket(odd)).toBe(ipaddr.isValid(odd) ? ipaddr.parse(odd).toString() : odd)
    }
    expect(addressBucket('unknown')).toBe('unknown')
  })
})
