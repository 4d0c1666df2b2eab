import { execFileSync } from 'node:child_process';
import { test, expect, allPublished, release, site } from './support/fixtures';

type ReadCard = { version: string; name: string; organization: string[]; title: string | null; email: string | null; phone: string | null; url: string | null; crlf: boolean };

/** The card as vobject, the vCard library many address books and CRMs build on, reads it. */
function readCard(url: string): ReadCard {
  return JSON.parse(execFileSync('.venv/bin/python', ['tests/contact/read_vcard.py', url], { encoding: 'utf8' }));
}

test('a release\'s media contact is a card with e-mail and phone links, and saves to an address book as a vCard', async ({ page, request, baseURL }) => {
  // The site's contact, and a release's own: each its own card.
  const releases = await Promise.all((await allPublished(request)).map((listing) => release(request, listing.slug)));
  const own = releases.find((candidate) => candidate.contact)!;
  const general = releases.find((candidate) => !candidate.contact)!;
  expect(own, 'the sample content has a release with its own contact').toBeDefined();
  const siteName = (await site(request)).name;
  const cards = new Set<string>();
  for (const shown of [own, general]) {
    await page.goto(`releases/${shown.listing.slug}/`);
    const contact = page.getByRole('region', { name: 'Media contact' });
    const name = await contact.locator('.contact-details__name').textContent();
    const email = await contact.getByRole('link', { name: /@/ }).textContent();
    const phone = await contact.getByRole('link', { name: /^\+/ }).textContent();
    await expect(contact.getByRole('link', { name: email! })).toHaveAttribute('href', `mailto:${email}`);
    const save = contact.getByRole('link', { name: 'Save to contacts (.vcf)' });
    await expect(save).toHaveAttribute('download', '');
    const href = (await save.getAttribute('href'))!;
    expect(href).toMatch(/^\/contacts\/[a-z0-9-]+\.vcf$/);
    cards.add(href);
    const card = readCard(new URL(href, baseURL).href);
    expect(card).toMatchObject({ version: '3.0', name, organization: [siteName], email, phone, url: 'https://newsroom.example.org/', crlf: true });
  }
  expect(cards.size, 'two contacts, two cards').toBe(2);
});
