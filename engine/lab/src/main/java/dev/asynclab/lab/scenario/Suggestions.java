package dev.asynclab.lab.scenario;

import java.util.Collection;
import java.util.Optional;

/// "Did you mean": the known word closest to a misspelt one, by edit distance.
final class Suggestions {

    private Suggestions() {
    }

    /// The closest candidate if it is close enough to be a plausible typo (at most 2 edits, and fewer than
    /// half the word's letters).
    static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(word.toLowerCase(), candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        boolean plausible = bestDistance <= 2 && bestDistance * 2 < Math.max(word.length(), 2);
        return plausible ? Optional.of(best) : Optional.empty();
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
