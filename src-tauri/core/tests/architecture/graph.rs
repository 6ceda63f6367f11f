//! Circles in an import graph: the strongly connected components with more than one file
//! (Tarjan's algorithm, iterative so a deep graph cannot overflow the stack).

use std::collections::BTreeMap;

/// Every group of files that import each other in a loop, each group sorted, the list sorted.
pub fn circles(edges: &[(String, String)]) -> Vec<Vec<String>> {
    let mut names: Vec<&str> = edges.iter().flat_map(|(a, b)| [a.as_str(), b.as_str()]).collect();
    names.sort_unstable();
    names.dedup();
    let index: BTreeMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let mut next: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    for (a, b) in edges {
        next[index[a.as_str()]].push(index[b.as_str()]);
    }

    let mut order = vec![usize::MAX; names.len()];
    let mut low = vec![0; names.len()];
    let mut on_stack = vec![false; names.len()];
    let mut stack = Vec::new();
    let mut counter = 0;
    let mut found = Vec::new();
    for start in 0..names.len() {
        if order[start] != usize::MAX {
            continue;
        }
        // (node, index of the next neighbour to visit)
        let mut work = vec![(start, 0)];
        while let Some(&mut (node, ref mut child)) = work.last_mut() {
            if *child == 0 && order[node] == usize::MAX {
                order[node] = counter;
                low[node] = counter;
                counter += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(&to) = next[node].get(*child) {
                *child += 1;
                if order[to] == usize::MAX {
                    work.push((to, 0));
                } else if on_stack[to] {
                    low[node] = low[node].min(order[to]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                let mut group = Vec::new();
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    group.push(names[member].to_owned());
                    if member == node {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    found.push(group);
                }
            }
        }
    }
    found.sort();
    found
}
