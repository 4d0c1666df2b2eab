import { test, expect, heading, allPublished, type ReleaseSummary } from './support/fixtures';

/**
 * What a release should list, worked out from the archive the site publishes: the
 * others in its language that share a topic with it, most topics shared first, then
 * newest first (the archive's order), three at most.
 */
function relatedTo(subject: ReleaseSummary, archive: ReleaseSummary[]): ReleaseSummary[] {
  const topics = new Set(subject.tags.map((tag) => tag.slug));
  return archive
    .filter((other) => other.slug !== subject.slug && other.language === subject.language)
    .map((other, newness) => ({ other, newness, shared: other.tags.filter((tag) => topics.has(tag.slug)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || a.newness - b.newness)
    .slice(0, 3)
    .map(({ other }) => other);
}

test('a release ends with up to three related releases in its language, most topics shared first, then newest', async ({ page, request }) => {
  const archive = await allPublished(request);
  // The release with the most candidates, so that the limit of three applies.
  const candidates = (subject: ReleaseSummary) => archive.filter((other) => other !== subject && other.language === subject.language && other.tags.some((tag) => subject.tags.some((own) => own.slug === tag.slug))).length;
  const subject = archive.reduce((best, next) => (candidates(next) > candidates(best) ? next : best));
  const expected = relatedTo(subject, archive);
  expect(candidates(subject), 'the sample content has more candidates than fit').toBeGreaterThan(3);

  await page.goto(`releases/${subject.slug}/`);
  const related = page.getByRole('region', { name: 'Related releases' });
  await expect(related.getByRole('heading', { level: 2 }).getByRole('link')).toHaveText(expected.map((other) => other.title));
  await expect(related.locator('time')).toHaveCount(3);

  await related.getByRole('link', { name: expected[0].title }).click();
  await expect(await heading(page)).toHaveText(expected[0].title);
  const onward = relatedTo(expected[0], archive);
  await expect(page.getByRole('region', { name: 'Related releases' }).getByRole('heading', { level: 2 }).getByRole('link')).toHaveText(onward.map((other) => other.title));
});

test('a release with nothing related in its language has no related section', async ({ page, request }) => {
  const archive = await allPublished(request);
  const alone = archive.find((subject) => relatedTo(subject, archive).length === 0);
  expect(alone, 'the sample content has such a release (the Uyghur one)').toBeDefined();
  await page.goto(`releases/${alone!.slug}/`);
  await expect(await heading(page)).toHaveText(alone!.title);
  await expect(page.locator('.release__related')).toHaveCount(0);
});
