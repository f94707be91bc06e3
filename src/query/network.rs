//! The co-occurrence network (`view=network`): the entities most often named in the
//! matching articles, and for each pair the number of matching articles naming both.
//!
//! [`network`] counts in one pass over the matches' own entity lists; [`Layout`] places the
//! nodes with a force-directed layout (Fruchterman–Reingold) that runs in small steps, so the
//! page can lay out 200 nodes a few steps per frame without blocking.

use crate::extract::EntityKind;
use crate::index::{DocSet, Index, NONE};
use std::collections::HashMap;

/// Nodes drawn when the link does not say.
pub const DEFAULT_NODES: usize = 50;
/// The most nodes drawn.
pub const MAX_NODES: usize = 200;

/// One entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Entity id (for its filter and page).
    pub key: String,
    /// Display name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Matching articles naming it.
    pub articles: u32,
}

/// Two entities named together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    /// One node (index into [`Network::nodes`]), the smaller.
    pub a: usize,
    /// The other node.
    pub b: usize,
    /// Matching articles naming both.
    pub shared: u32,
}

/// The nodes, most articles first, and the edges between them, most shared first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Network {
    /// Nodes.
    pub nodes: Vec<Node>,
    /// Edges.
    pub edges: Vec<Edge>,
}

/// The `nodes` entities named in most of `matches` (at most [`MAX_NODES`]; ties by entity
/// id, so the choice is stable and an archive, which has no entity numbers, makes the
/// same) and how often each pair is named together.
pub fn network(index: &Index, matches: &DocSet, nodes: usize) -> Network {
    let nodes = nodes.clamp(1, MAX_NODES);
    let entities = index.entities();
    let mut counts = vec![0u32; entities.len()];
    for doc in matches.iter() {
        for &e in index.doc_entities.get(doc) {
            if let Some(c) = counts.get_mut(e as usize) {
                *c += 1;
            }
        }
    }
    let mut top: Vec<(u32, usize)> = counts
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c > 0)
        .map(|(e, &c)| (c, e))
        .collect();
    let order = |a: &(u32, usize), b: &(u32, usize)| {
        b.0.cmp(&a.0)
            .then_with(|| entities[a.1].id.as_str().cmp(entities[b.1].id.as_str()))
    };
    if top.len() > nodes {
        top.select_nth_unstable_by(nodes - 1, order);
        top.truncate(nodes);
    }
    crate::sort::unstable_by(&mut top, order);
    let mut node_of = vec![NONE; entities.len()];
    for (n, &(_, e)) in top.iter().enumerate() {
        node_of[e] = n as u32;
    }
    let per_doc = matches.iter().map(|doc| {
        index
            .doc_entities
            .get(doc)
            .iter()
            .filter_map(|&e| node_of.get(e as usize).copied())
            .filter(|&n| n != NONE)
            .collect::<Vec<u32>>()
    });
    let edges = edges_of(top.len(), per_doc);
    Network {
        nodes: top
            .into_iter()
            .map(|(articles, e)| Node {
                key: entities[e].id.0.clone(),
                name: entities[e].name.clone(),
                kind: entities[e].kind,
                articles,
            })
            .collect(),
        edges,
    }
}

/// The edges among `width` nodes, most shared first, given the nodes each matching
/// document names (any order, repeats allowed).
pub(crate) fn edges_of(width: usize, per_doc: impl Iterator<Item = Vec<u32>>) -> Vec<Edge> {
    // A dense triangle of pair counts: at most 200 nodes make 40,000 cells, and a cell
    // costs one add where a hash map would hash every pair of every matching article.
    let mut pairs = vec![0u32; width * width];
    for mut here in per_doc {
        crate::sort::unstable(&mut here);
        here.dedup();
        for (i, &a) in here.iter().enumerate() {
            for &b in &here[i + 1..] {
                pairs[a as usize * width + b as usize] += 1;
            }
        }
    }
    let mut edges: Vec<Edge> = pairs
        .iter()
        .enumerate()
        .filter(|&(_, &shared)| shared > 0)
        .map(|(cell, &shared)| Edge {
            a: cell / width,
            b: cell % width,
            shared,
        })
        .collect();
    sort_edges(&mut edges);
    edges
}

fn sort_edges(edges: &mut [Edge]) {
    crate::sort::unstable_by(edges, |x, y| {
        y.shared.cmp(&x.shared).then((x.a, x.b).cmp(&(y.a, y.b)))
    });
}

/// Nodes most articles first, then by key: the order of [`network`]'s nodes.
pub(crate) fn node_order(a: &Node, b: &Node) -> std::cmp::Ordering {
    b.articles.cmp(&a.articles).then_with(|| a.key.cmp(&b.key))
}

/// Two networks of disjoint sets of articles (an archive's and the reader's own) as one:
/// each entity's articles and each pair's shared articles summed by key, then the first
/// `nodes` nodes. Exact for every node and pair both sides list; a side lists at most
/// [`MAX_NODES`] nodes, so ask both for that many.
pub fn merge(a: &Network, b: &Network, nodes: usize) -> Network {
    let mut merged: Vec<Node> = a.nodes.clone();
    for node in &b.nodes {
        match merged.iter_mut().find(|m| m.key == node.key) {
            Some(same) => same.articles += node.articles,
            None => merged.push(node.clone()),
        }
    }
    crate::sort::unstable_by(&mut merged, node_order);
    merged.truncate(nodes.clamp(1, MAX_NODES));
    let at: HashMap<&str, usize> = merged
        .iter()
        .enumerate()
        .map(|(i, n)| (n.key.as_str(), i))
        .collect();
    let mut shared: HashMap<(usize, usize), u32> = HashMap::new();
    for side in [a, b] {
        for edge in &side.edges {
            let ends = (
                at.get(side.nodes[edge.a].key.as_str()),
                at.get(side.nodes[edge.b].key.as_str()),
            );
            if let (Some(&x), Some(&y)) = ends {
                *shared.entry((x.min(y), x.max(y))).or_default() += edge.shared;
            }
        }
    }
    let mut edges: Vec<Edge> = shared
        .into_iter()
        .map(|((a, b), shared)| Edge { a, b, shared })
        .collect();
    sort_edges(&mut edges);
    Network {
        nodes: merged,
        edges,
    }
}

/// Side of the square the layout places nodes in.
pub const LAYOUT_SIZE: f64 = 1000.0;
/// Links per node that pull in the layout (the strongest ones).
pub const LAYOUT_EDGES_PER_NODE: usize = 4;
/// Steps a layout takes before it stops.
pub const LAYOUT_STEPS: usize = 300;

/// A force-directed layout in progress: nodes repel each other, edges pull their ends
/// together (more for more shared articles), and the moves shrink step by step.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Node positions, in `0..LAYOUT_SIZE` both ways.
    pub positions: Vec<(f64, f64)>,
    edges: Vec<(usize, usize, f64)>,
    ideal: f64,
    step: usize,
}

impl Layout {
    /// Starts from the nodes on a spiral (most articles in the middle): deterministic, so
    /// the same link always draws the same picture.
    pub fn new(network: &Network) -> Self {
        let n = network.nodes.len();
        let centre = LAYOUT_SIZE / 2.0;
        let positions = (0..n)
            .map(|i| {
                let angle = i as f64 * 2.399_963; // the golden angle
                let radius = LAYOUT_SIZE * 0.45 * ((i as f64 + 0.5) / n.max(1) as f64).sqrt();
                (centre + radius * angle.cos(), centre + radius * angle.sin())
            })
            .collect();
        let strongest = network.edges.first().map_or(1, |e| e.shared).max(1) as f64;
        // Only the strongest links pull: among the most named entities of a news archive
        // nearly every pair shares some article, and pulling on all of them collapses the
        // picture into one knot.
        let edges = network
            .edges
            .iter()
            .take(n * LAYOUT_EDGES_PER_NODE)
            .map(|e| (e.a, e.b, 0.1 + 0.9 * f64::from(e.shared) / strongest))
            .collect();
        Self {
            positions,
            edges,
            ideal: LAYOUT_SIZE * 0.8 / (n.max(1) as f64).sqrt(),
            step: 0,
        }
    }

    /// Whether the layout has taken all its steps.
    pub fn done(&self) -> bool {
        self.step >= LAYOUT_STEPS || self.positions.len() < 2
    }

    /// One step; cost O(nodes² + edges).
    pub fn step(&mut self) {
        if self.done() {
            return;
        }
        let n = self.positions.len();
        let k = self.ideal;
        let mut moves = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = delta(self.positions[i], self.positions[j], i, j);
                let d2 = (dx * dx + dy * dy).max(1e-2);
                let f = k * k / d2;
                moves[i].0 += dx * f;
                moves[i].1 += dy * f;
                moves[j].0 -= dx * f;
                moves[j].1 -= dy * f;
            }
        }
        for &(a, b, weight) in &self.edges {
            let (dx, dy) = delta(self.positions[a], self.positions[b], a, b);
            let d = (dx * dx + dy * dy).sqrt().max(1e-2);
            let f = weight * d / k;
            moves[a].0 -= dx * f;
            moves[a].1 -= dy * f;
            moves[b].0 += dx * f;
            moves[b].1 += dy * f;
        }
        // A pull to the centre keeps unconnected nodes from drifting off.
        let centre = LAYOUT_SIZE / 2.0;
        let temperature = LAYOUT_SIZE / 10.0 * (1.0 - self.step as f64 / LAYOUT_STEPS as f64);
        for (p, m) in self.positions.iter_mut().zip(&moves) {
            let mx = m.0 + (centre - p.0) * 0.01;
            let my = m.1 + (centre - p.1) * 0.01;
            let length = (mx * mx + my * my).sqrt();
            if length > 0.0 {
                let scale = length.min(temperature) / length;
                p.0 = (p.0 + mx * scale).clamp(0.0, LAYOUT_SIZE);
                p.1 = (p.1 + my * scale).clamp(0.0, LAYOUT_SIZE);
            }
        }
        self.step += 1;
    }
}

/// `a - b`, nudged apart deterministically when the two points coincide.
fn delta(a: (f64, f64), b: (f64, f64), i: usize, j: usize) -> (f64, f64) {
    let (dx, dy) = (a.0 - b.0, a.1 - b.1);
    if dx == 0.0 && dy == 0.0 {
        let angle = (i * 31 + j * 17) as f64;
        (angle.cos() * 0.1, angle.sin() * 0.1)
    } else {
        (dx, dy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_file;
    use crate::extract::{Annotations, Entity, EntityId};

    fn place(name: &str) -> Entity {
        Entity {
            id: EntityId::new(EntityKind::Place, name),
            kind: EntityKind::Place,
            canonical: name.into(),
            aliases: vec![],
            role: None,
        }
    }

    /// Four articles: A+B, A+B, A+C, D alone.
    fn index() -> Index {
        let named: [&[&str]; 4] = [&["A", "B"], &["A", "B"], &["A", "C"], &["D"]];
        let mut articles = Vec::new();
        let mut annotations = Vec::new();
        for (n, names) in named.iter().enumerate() {
            articles.push(
                parse_file(&format!("{n}.txt"), b"Some text.")
                    .unwrap()
                    .remove(0),
            );
            annotations.push(Annotations {
                entities: names.iter().map(|name| place(name)).collect(),
                ..Annotations::default()
            });
        }
        Index::build(&articles, &annotations)
    }

    fn all(index: &Index) -> DocSet {
        DocSet::full(index.len() as u32)
    }

    #[test]
    fn nodes_are_the_most_named_and_edges_count_shared_articles() {
        let index = index();
        let net = network(&index, &all(&index), 10);
        let nodes: Vec<(&str, u32)> = net
            .nodes
            .iter()
            .map(|n| (n.name.as_str(), n.articles))
            .collect();
        assert_eq!(nodes, [("A", 3), ("B", 2), ("C", 1), ("D", 1)]);
        let edges: Vec<(&str, &str, u32)> = net
            .edges
            .iter()
            .map(|e| {
                (
                    net.nodes[e.a].name.as_str(),
                    net.nodes[e.b].name.as_str(),
                    e.shared,
                )
            })
            .collect();
        assert_eq!(edges, [("A", "B", 2), ("A", "C", 1)]);
        // Only the top two: the edges keep to them.
        let net = network(&index, &all(&index), 2);
        assert_eq!(net.nodes.len(), 2);
        assert_eq!(net.edges.len(), 1);
    }

    #[test]
    fn the_layout_is_deterministic_inside_its_square_and_pulls_neighbours_together() {
        let index = index();
        let net = network(&index, &all(&index), 10);
        let run = || {
            let mut layout = Layout::new(&net);
            while !layout.done() {
                layout.step();
            }
            layout.positions
        };
        let positions = run();
        assert_eq!(positions, run(), "the same picture every time");
        assert!(positions.iter().all(|&(x, y)| (0.0..=LAYOUT_SIZE).contains(&x) && (0.0..=LAYOUT_SIZE).contains(&y)));
        let distance = |i: usize, j: usize| {
            let (a, b) = (positions[i], positions[j]);
            ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
        };
        // A and B share two articles, A and D none.
        assert!(distance(0, 1) < distance(0, 3), "{positions:?}");
    }
}
