package org.tandem.core.matching;

/**
 * For each mentor, the mentees allowed with them, highest score first (ties in input order). A counting sort:
 * scores are small integers, and a million pairs sort in a few milliseconds.
 */
final class MenteesByScore {

    private MenteesByScore() {
    }

    static int[][] of(ScoreTable table) {
        int mentees = table.mentees();
        int mentors = table.mentors();
        int[] perScore = new int[table.maxScore + 2];
        int[] perMentor = new int[mentors];
        for (int i = 0; i < mentees; i++) {
            int[] row = table.score[i];
            for (int m = 0; m < mentors; m++) {
                if (row[m] != ScoreTable.NOT_ALLOWED) {
                    perScore[table.maxScore - row[m] + 1]++;
                    perMentor[m]++;
                }
            }
        }
        for (int s = 1; s < perScore.length; s++) {
            perScore[s] += perScore[s - 1];
        }
        int[] edgeMentee = new int[perScore[perScore.length - 1]];
        int[] edgeMentor = new int[edgeMentee.length];
        for (int i = 0; i < mentees; i++) {
            int[] row = table.score[i];
            for (int m = 0; m < mentors; m++) {
                if (row[m] != ScoreTable.NOT_ALLOWED) {
                    int at = perScore[table.maxScore - row[m]]++;
                    edgeMentee[at] = i;
                    edgeMentor[at] = m;
                }
            }
        }
        int[][] byScore = new int[mentors][];
        for (int m = 0; m < mentors; m++) {
            byScore[m] = new int[perMentor[m]];
        }
        int[] filled = new int[mentors];
        for (int k = 0; k < edgeMentee.length; k++) {
            int m = edgeMentor[k];
            byScore[m][filled[m]++] = edgeMentee[k];
        }
        return byScore;
    }
}
