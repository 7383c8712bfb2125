package dev.asynclab.lab.story;

import java.util.List;

/// What happened to one call, in a few plain sentences drawn from its events.
///
/// @param id        the invocation asked about
/// @param title     `fetch-user #30`
/// @param sentences the story, in order: arrival, each attempt (its wait and why, how it ended, its retry or late
///                  finish), and what the caller finally got
/// @param ids       every invocation the story is about (all attempts of a retried call), for highlighting
public record InvocationStory(long id, String title, List<String> sentences, List<Long> ids) {

    public InvocationStory {
        sentences = List.copyOf(sentences);
        ids = List.copyOf(ids);
    }

    /// The sentences as one paragraph.
    public String paragraph() {
        return String.join(" ", sentences);
    }
}
