//! Criterion benchmarks of the gazetteer: building the default gazetteer, looking a name
//! up, and matching a tokenized news paragraph.
//!
//! `cargo bench --bench gazetteer`

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

use byline::gazetteer::{annotate, Gazetteer, GazetteerBuilder};
use byline::Document;

const PARAGRAPH: &str = "Jets struck Ar-Raqqah on Monday, a monitoring group said. \
President Recep Tayyip Erdogan of Turkey met Jordan's King Abdullah in Amman, and the \
US Secretary of State said talks with Iran-backed groups in Yemen were over. \
A spokesman for the United Nations in Geneva said aid had reached Deir el-Balah and Hodeidah, \
where the prime minister's office said 40 people had been killed.\n\n";

fn benches(c: &mut Criterion) {
    c.bench_function("gazetteer/build_default", |b| {
        b.iter(|| black_box(GazetteerBuilder::new().build().unwrap()))
    });
    let gaz = Gazetteer::embedded();
    c.bench_function("gazetteer/lookup", |b| {
        b.iter(|| black_box(gaz.lookup(black_box("Al-Raqqah"))))
    });
    let text = PARAGRAPH.repeat(50);
    let mut doc = Document::new(text.as_str());
    byline::text::annotate(&mut doc);
    let mut g = c.benchmark_group("gazetteer/match");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("default_lists", |b| {
        b.iter(|| {
            annotate(&mut doc, &gaz);
            black_box(doc.candidates.len())
        })
    });
    g.finish();
}

criterion_group!(gazetteer, benches);
criterion_main!(gazetteer);
